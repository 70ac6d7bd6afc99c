// Which Debian libraries read a .docx fastest: word/document.xml out of the zip archive with
// libzip or minizip, then its text (w:t runs, paragraphs apart, mc:Fallback skipped) with
// pugixml (a DOM) or libxml2 (its streaming xmlTextReader). Each of the four pairs reads the same
// file; the text they extract must be the same, byte for byte.
//
//   docx_bench FILE.docx [ROUNDS [ONLY]]
//
// Prints the best time of ROUNDS (default 20) for each step and each pair. ONLY (libzip, minizip,
// pugixml or libxml2) runs that step alone, once, so that `/usr/bin/time -v` gives its peak
// memory. The figures nxkx chose by are in docs/desk.md ("Word documents") and in the commit that
// added its reader.
#include <libxml/xmlreader.h>
#include <minizip/unzip.h>  // not <unzip.h>: minizip has a zip.h of its own, libzip too
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view mc_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";

std::string unzip_libzip(const char* path) {
  int err = 0;
  zip_t* z = zip_open(path, ZIP_RDONLY, &err);
  if (z == nullptr) return {};
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, "word/document.xml", 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, "word/document.xml", 0);
    if (f != nullptr) {
      out.resize(st.size);
      const zip_int64_t n = zip_fread(f, out.data(), st.size);
      out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
      zip_fclose(f);
    }
  }
  zip_close(z);
  return out;
}

std::string unzip_minizip(const char* path) {
  unzFile z = unzOpen64(path);
  if (z == nullptr) return {};
  std::string out;
  if (unzLocateFile(z, "word/document.xml", 1) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
    unz_file_info64 info;
    unzGetCurrentFileInfo64(z, &info, nullptr, 0, nullptr, 0, nullptr, 0);
    out.resize(info.uncompressed_size);
    const int n = unzReadCurrentFile(z, out.data(), static_cast<unsigned>(out.size()));
    out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    unzCloseCurrentFile(z);
  }
  unzClose(z);
  return out;
}

/// The prefix the document binds to `ns` ("w"), from the root's xmlns attributes.
std::string prefix_of(const pugi::xml_node& root, std::string_view ns) {
  for (const auto& a : root.attributes()) {
    const std::string_view name = a.name();
    if (name.starts_with("xmlns:") && a.value() == ns) return std::string(name.substr(6));
  }
  return {};
}

std::string text_pugixml(const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return {};
  const pugi::xml_node root = doc.document_element();
  const std::string w = prefix_of(root, w_ns) + ":", mc = prefix_of(root, mc_ns) + ":";
  const std::string t = w + "t", p = w + "p", tab = w + "tab", br = w + "br", cr = w + "cr",
                    fallback = mc + "Fallback";
  std::string out;
  // Iterative depth-first walk.
  pugi::xml_node n = root;
  while (n) {
    const char* name = n.name();
    bool descend = true;
    if (fallback == name) {
      descend = false;
    } else if (t == name) {
      out += n.child_value();
      descend = false;
    } else if (p == name) {
      out += '\n';
    } else if (tab == name) {
      out += '\t';
    } else if (br == name || cr == name) {
      out += '\n';
    }
    if (descend && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (n && p == n.name()) out += '\n';
      if (n == root) n = pugi::xml_node();
    }
    if (n) n = n.next_sibling();
  }
  return out;
}

std::string text_libxml2(const std::string& xml) {
  xmlTextReaderPtr r = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr,
                                          "UTF-8", XML_PARSE_NONET | XML_PARSE_NOENT * 0);
  if (r == nullptr) return {};
  std::string out;
  int in_t = 0;
  int ret = xmlTextReaderRead(r);
  while (ret == 1) {
    const int type = xmlTextReaderNodeType(r);
    const auto* local = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(r));
    const auto* uri = reinterpret_cast<const char*>(xmlTextReaderConstNamespaceUri(r));
    const bool w = uri != nullptr && w_ns == uri;
    if (type == XML_READER_TYPE_ELEMENT) {
      if (uri != nullptr && mc_ns == uri && std::strcmp(local, "Fallback") == 0) {
        ret = xmlTextReaderNext(r);
        continue;
      }
      if (w && std::strcmp(local, "t") == 0 && !xmlTextReaderIsEmptyElement(r)) in_t = 1;
      if (w && std::strcmp(local, "p") == 0) out += '\n';
      if (w && std::strcmp(local, "tab") == 0) out += '\t';
      if (w && (std::strcmp(local, "br") == 0 || std::strcmp(local, "cr") == 0)) out += '\n';
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (w && std::strcmp(local, "t") == 0) in_t = 0;
      if (w && std::strcmp(local, "p") == 0) out += '\n';
    } else if (in_t &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE)) {
      out += reinterpret_cast<const char*>(xmlTextReaderConstValue(r));
    }
    ret = xmlTextReaderRead(r);
  }
  xmlFreeTextReader(r);
  return ret == 0 ? out : std::string();
}

double best_ms(int rounds, const std::function<void()>& f) {
  double best = 1e300;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(
        best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: docx_bench FILE.docx [ROUNDS]\n");
    return 64;
  }
  const char* path = argv[1];
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  xmlInitParser();
  if (argc > 3) {
    const std::string_view only = argv[3];
    std::string xml = only == "minizip" ? unzip_minizip(path) : unzip_libzip(path);
    std::size_t n = xml.size();
    if (only == "pugixml") n = text_pugixml(xml).size();
    if (only == "libxml2") n = text_libxml2(xml).size();
    std::printf("%s: %zu bytes\n", argv[3], n);
    return 0;
  }
  std::string a, b;
  const double z1 = best_ms(rounds, [&] { a = unzip_libzip(path); });
  const double z2 = best_ms(rounds, [&] { b = unzip_minizip(path); });
  if (a.empty() || a != b) {
    std::fprintf(stderr, "the two unzips disagree (%zu, %zu bytes)\n", a.size(), b.size());
    return 1;
  }
  std::string t1, t2;
  const double x1 = best_ms(rounds, [&] { t1 = text_pugixml(a); });
  const double x2 = best_ms(rounds, [&] { t2 = text_libxml2(a); });
  if (t1 != t2) {
    std::fprintf(stderr, "the two parsers disagree (%zu, %zu bytes of text)\n", t1.size(),
                 t2.size());
    return 1;
  }
  std::printf("%s: document.xml %zu bytes, text %zu bytes; best of %d\n", path, a.size(), t1.size(),
              rounds);
  std::printf("  unzip   libzip   %9.3f ms\n  unzip   minizip  %9.3f ms\n", z1, z2);
  std::printf("  text    pugixml  %9.3f ms\n  text    libxml2  %9.3f ms\n", x1, x2);
  std::printf("  pair    libzip+pugixml  %9.3f ms   minizip+pugixml  %9.3f ms\n", z1 + x1, z2 + x1);
  std::printf("  pair    libzip+libxml2  %9.3f ms   minizip+libxml2  %9.3f ms\n", z1 + x2, z2 + x2);
  xmlCleanupParser();
  return 0;
}
