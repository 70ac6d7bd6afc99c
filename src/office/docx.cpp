// The text of a Word document (office.hpp): word/document.xml out of the zip archive with
// minizip, its w:t runs with pugixml. Chosen by measurement (bench/docx_bench.cpp, docs/desk.md):
// libzip and minizip unzip alike (2.7 and 2.5 ms for an 8.8 MB document.xml), and minizip is
// already there for libxlsxwriter; pugixml extracts the text 5 times faster than libxml2's
// xmlTextReader (9.2 against 45.3 ms) and needs no ICU.
#include <minizip/unzip.h>  // not <unzip.h>: the path makes clear which zip library this is

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "nxkx/error.hpp"
#include "nxkx/office.hpp"
#include "nxkx/read.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;

/// More than this uncompressed is refused: a 1500-字 case is some 20 KB of XML, a book 10 MB.
constexpr std::size_t max_document_xml = std::size_t{64} << 20;

constexpr std::string_view w_namespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view mc_namespace =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

[[noreturn]] void broken(const fs::path& file, const std::string& en, const std::string& zh) {
  (void)file;  // the caller names the file
  throw input_error("input.docx", "", en, zh);
}

/// The first bytes of the file, to tell a zip archive from an OLE compound file (.doc, or a
/// .docx encrypted by Word) from anything else.
std::string head_of(const fs::path& file, std::size_t n) {
  // Opened as read_file opens a file: one code for each way it cannot be (read.hpp).
  std::FILE* f = open_file(file);
  std::string out(n, '\0');
  out.resize(std::fread(out.data(), 1, n, f));
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw input_error("input.unreadable", "", "cannot read it", "无法读取");
  return out;
}

/// An OLE compound file (MS-CFB) holds Word 97-2003 documents and Word's encrypted ones
/// (MS-OFFCRYPTO: streams EncryptionInfo and EncryptedPackage). Its directory names are UTF-16LE.
void refuse_compound_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(std::size_t{1} << 20, '\0');  // the directory is near the start
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  auto utf16 = [](std::string_view ascii) {
    std::string out;
    for (char c : ascii) {
      out += c;
      out += '\0';
    }
    return out;
  };
  if (bytes.find(utf16("EncryptionInfo")) != std::string::npos ||
      bytes.find(utf16("EncryptedPackage")) != std::string::npos)
    throw input_error("input.docx_encrypted", "",
                      "the Word document is encrypted (it has a password to open): save it "
                      "without one",
                      "该 Word 文档已加密（设置了打开密码）：请取消密码后重新保存");
  broken(file, "a Word 97-2003 document (.doc), not a .docx: save it as .docx (Word 文档)",
         "这是 Word 97-2003 格式（.doc），不是 .docx：请在 Word 或 WPS 中另存为 .docx");
}

/// word/document.xml, uncompressed.
std::string document_xml(const fs::path& file) {
  unzFile z = unzOpen64(file.c_str());
  if (z == nullptr)
    broken(file, "the Word document is damaged: its zip archive cannot be read",
           "Word 文档已损坏：无法读取其 zip 压缩包");
  struct closer {
    unzFile z;
    ~closer() { unzClose(z); }
  } close{z};
  if (unzLocateFile(z, "word/document.xml", 1) != UNZ_OK)
    broken(file, "not a Word document: the archive has no word/document.xml",
           "不是 Word 文档：压缩包中没有 word/document.xml");
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(z, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
      unzOpenCurrentFile(z) != UNZ_OK)
    broken(file, "the Word document is damaged: word/document.xml cannot be read",
           "Word 文档已损坏：无法读取 word/document.xml");
  if (info.uncompressed_size > max_document_xml) {
    unzCloseCurrentFile(z);
    broken(file, "word/document.xml is more than 64 MiB", "word/document.xml 超过 64 MiB");
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(info.uncompressed_size));
  std::array<char, 1 << 16> buf{};
  for (;;) {
    const int n = unzReadCurrentFile(z, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      unzCloseCurrentFile(z);
      broken(file, "the Word document is damaged: word/document.xml does not uncompress",
             "Word 文档已损坏：word/document.xml 无法解压");
    }
    if (n == 0) break;
    out.append(buf.data(), static_cast<std::size_t>(n));
    if (out.size() > max_document_xml) {  // the archive understated the size
      unzCloseCurrentFile(z);
      broken(file, "word/document.xml is more than 64 MiB", "word/document.xml 超过 64 MiB");
    }
  }
  if (unzCloseCurrentFile(z) == UNZ_CRCERROR)
    broken(file, "the Word document is damaged: word/document.xml fails its CRC check",
           "Word 文档已损坏：word/document.xml 校验失败");
  return out;
}

/// The prefix the root element binds to `ns` ("w" in every document Word and WPS write), or
/// `fallback`.
std::string prefix_of(const pugi::xml_node& root, std::string_view ns, std::string_view fallback) {
  for (const auto& a : root.attributes()) {
    const std::string_view name = a.name();
    if (name.starts_with("xmlns:") && a.value() == ns) return std::string(name.substr(6));
  }
  return std::string(fallback);
}

/// The text of the tree under `root`, iteratively (a document nests as deep as it likes).
std::string body_text(const pugi::xml_node& root) {
  const std::string w = prefix_of(root, w_namespace, "w") + ":";
  const std::string mc = prefix_of(root, mc_namespace, "mc") + ":";
  const std::string t = w + "t", p = w + "p", tab = w + "tab", br = w + "br", cr = w + "cr",
                    hyphen = w + "noBreakHyphen", fallback = mc + "Fallback";
  std::string out;
  pugi::xml_node n = root;
  while (n) {
    bool descend = n.type() == pugi::node_element;
    if (descend) {
      const char* name = n.name();
      if (fallback == name) {
        descend = false;  // the same content again, for readers without DrawingML
      } else if (t == name) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
          if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        descend = false;
      } else if (p == name || br == name || cr == name) {
        out += '\n';  // paragraphs apart: a word never runs on into the next paragraph
      } else if (tab == name) {
        out += '\t';
      } else if (hyphen == name) {
        out += '-';
      }
    }
    if (descend && n.first_child()) {
      n = n.first_child();
      continue;
    }
    // n and what it holds are done: on to its next sibling, or up. Leaving a paragraph ends a
    // line, so that a text box's last word does not run on into its anchor's next words.
    for (;;) {
      if (n.type() == pugi::node_element && p == n.name()) out += '\n';
      if (n == root) {
        n = pugi::xml_node();
        break;
      }
      if (n.next_sibling()) {
        n = n.next_sibling();
        break;
      }
      n = n.parent();
    }
  }
  return out;
}

}  // namespace

std::string read_docx_text(const fs::path& file) {
  const std::string head = head_of(file, 8);
  if (head == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) refuse_compound_file(file);
  if (!head.starts_with("PK\x03\x04"))
    broken(file, "not a Word document (.docx): the file is not a zip archive",
           "不是 Word 文档（.docx）：该文件不是 zip 压缩包");
  const std::string xml = document_xml(file);
  pugi::xml_document doc;
  // parse_ws_pcdata: a w:t that holds a space alone is text (it separates two words).
  const pugi::xml_parse_result ok = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
  if (!ok)
    broken(file,
           std::string("the Word document is damaged: word/document.xml is not well-formed XML "
                       "(") +
               ok.description() + " at byte " + std::to_string(ok.offset) + ")",
           "Word 文档已损坏：word/document.xml 不是格式正确的 XML（第 " +
               std::to_string(ok.offset) + " 字节：" + ok.description() + "）");
  const pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()).find("document") == std::string_view::npos)
    broken(file, "not a Word document: word/document.xml holds no w:document",
           "不是 Word 文档：word/document.xml 中没有 w:document");
  return body_text(root);
}

}  // namespace nxkx
