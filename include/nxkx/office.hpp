// nxkx::office (link nxkx::office): what the desk reads and writes in the formats of office
// programs — the text of Word documents (.docx, read with minizip and pugixml), text in the
// encodings Chinese Windows saves (GB18030, UTF-16, converted with glibc's iconv) and Excel
// workbooks (.xlsx, written with libxlsxwriter). Not part of the WebAssembly build.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/writers.hpp"

namespace nxkx {

/// The text of a Word document's body as Word's 字数 counts it: the w:t runs of
/// word/document.xml — paragraphs, tables, text boxes (once: the VML copy Word keeps for older
/// readers, mc:Fallback, is skipped), hyperlinks — with a line break between paragraphs and a tab
/// for w:tab. Headers, footers, footnotes, endnotes and comments live in other parts and are left
/// out, as are deleted text (w:delText) and field codes (w:instrText). UTF-8.
///
/// Throws input_error: the codes of read_file (read.hpp: "input.not_found", "input.unreadable",
/// "input.directory", "input.not_regular") when the file cannot be read; "input.docx_encrypted" for
/// a document protected by a password (an OLE compound file with an EncryptionInfo stream);
/// "input.docx" for anything else that is not a readable .docx — a Word 97-2003 .doc, a file that
/// is not a zip archive, a damaged archive, one without word/document.xml, XML that is not
/// well-formed, a document.xml of more than 64 MiB. Reasons in English and Chinese.
std::string read_docx_text(const std::filesystem::path& file);

/// The encodings to_utf8 reads, as `--encoding` names them: "utf-8", "gb18030" (also read for
/// "gbk" and "gb2312", which it contains), "utf-16" (a byte-order mark says which order; little
/// endian without one, as Windows writes), "utf-16le", "utf-16be", and "auto" (UTF-8 unless
/// guess_encoding says otherwise). Case does not matter.
bool known_encoding(std::string_view encoding) noexcept;

/// `bytes` in `encoding` as UTF-8 (a byte-order mark dropped), with iconv. Throws input_error
/// "input.encoding" naming the byte offset where the bytes are not valid in that encoding, and
/// std::invalid_argument for an encoding known_encoding refuses.
std::string to_utf8(std::string_view bytes, std::string_view encoding);

/// Reads every text of `a` that names a file (text_document::file) into its content: a .docx
/// with read_docx_text, a .txt as UTF-8 (or in `encoding`, as to_utf8 reads it). A relative name
/// is taken relative to `base_dir` (the folder of the application's file). Throws input_error
/// with the path of the text's file field ("/records/texts/0/file"): "input.file" when it is
/// neither .docx nor .txt; the codes of read_file when it cannot be read (a .txt of at most
/// max_string_bytes, 1 MiB, as a text given as content); and those of read_docx_text and to_utf8.
void load_text_files(application& a, const std::filesystem::path& base_dir,
                     std::string_view encoding = "utf-8");

/// Writes the batch as an Excel workbook (.xlsx) at `file`: a sheet 汇总 (Summary) of
/// summary_table and a sheet 问题 (Findings) of findings_table (writers.hpp), each with its header
/// row frozen and bold, filters on, columns sized to their text (long texts wrapped), decisions
/// and severities coloured (green accepted, yellow needs review, orange incomplete, red rejected
/// or unreadable), 问题数 as a number. Throws input_error "input.file" when the file cannot be
/// written.
void write_xlsx(const std::filesystem::path& file, const desk_batch& b, const notice& n,
                lang l = lang::zh);

}  // namespace nxkx
