// Texts of an application given as files (office.hpp): a .docx or a .txt next to the
// application, read into the text's content.
#include <fstream>
#include <iterator>
#include <string>

#include "nxkx/error.hpp"
#include "nxkx/office.hpp"
#include "nxkx/read.hpp"

namespace nxkx {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return e;
}

}  // namespace

void load_text_files(application& a, const fs::path& base_dir, std::string_view encoding) {
  for (std::size_t i = 0; i < a.records.texts.size(); ++i) {
    text_document& t = a.records.texts[i];
    if (t.file.empty()) continue;
    const std::string where = "/records/texts/" + std::to_string(i) + "/file";
    const fs::path name = fs::u8path(t.file);
    const fs::path file = name.is_absolute() ? name : base_dir / name;
    const std::string ext = lower_extension(file);
    try {
      if (ext == ".docx") {
        t.content = read_docx_text(file);
      } else if (ext == ".txt") {
        // No text may be longer than a string of an application: read no more than that.
        t.content = to_utf8(read_file(file, {input_limits{}.max_string_bytes, "max_string_bytes"}),
                            encoding);
      } else {
        throw input_error("input.file", "",
                          "a text is read from a .docx (Word) or a .txt (UTF-8) file",
                          "正文只能从 .docx（Word 文档）或 .txt（UTF-8 文本）文件读取");
      }
    } catch (const input_error& e) {
      // Named as the application gives it: "case.docx: the Word document is encrypted …".
      throw input_error(e.code(), where, t.file + ": " + e.reason(), t.file + "：" + e.reason_zh());
    }
  }
}

}  // namespace nxkx
