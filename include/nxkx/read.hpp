// Reading files and streams with a cap, so that /dev/zero, an endless pipe or a 10 GB file ends
// with an input error after reading no more than the limit, in memory proportional to it. The
// command reads every application file, standard input, text to count and pack through these;
// notice::load reads its pack through read_file.
#pragma once

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "nxkx/export.hpp"
#include "nxkx/limits.hpp"

namespace nxkx {

/// How much read_file and read_stream read at most, and the name of that limit (what an error
/// calls it, e.g. "max_bytes").
struct byte_limit {
  std::size_t max_bytes = input_limits{}.max_bytes;
  std::string_view name = "max_bytes";
};

/// What a notice pack may hold: notice::load reads no more (the command's --notice, the C ABI's
/// nxkx_notice_load, Python's Notice.load).
inline constexpr byte_limit max_pack_bytes{std::size_t{16} << 20, "max_pack_bytes"};

/// The bytes of `file`, read in chunks, never more than `limit.max_bytes`. A regular file is
/// read if its size is within the limit (it is refused before a byte is read otherwise); a FIFO
/// or a character device (a pipe, /dev/stdin, a terminal, /dev/zero) is read as a stream until
/// it ends or crosses the limit. Throws input_error with path "" and a reason in English and
/// Chinese; the codes:
///   input.not_found    no such file (or a folder on its path is not one)
///   input.unreadable   it exists but cannot be opened or read (permissions, an I/O error)
///   input.directory    a directory
///   input.not_regular  neither a regular file nor a stream: a socket, a block device
///   input.limit        more bytes than limit.max_bytes (the reason names limit.name)
NXKX_EXPORT std::string read_file(const std::filesystem::path& file, byte_limit limit = {});

/// `file` opened for reading ("rb"), after the checks of read_file (the same errors, but
/// input.limit), for a caller that reads it its own way; the caller closes it (std::fclose).
NXKX_EXPORT std::FILE* open_file(const std::filesystem::path& file);

/// The same from an open stream (standard input), from where it stands to its end or the limit.
/// Throws input_error: input.unreadable on a read error, input.limit past the limit.
NXKX_EXPORT std::string read_stream(std::FILE* stream, byte_limit limit = {});

/// A document of applications (one application, or a batch: an array of them) from `file`, with
/// the caps of `limits`: a document whose first character (after a byte order mark and white
/// space) is '[' may hold limits.max_batch_bytes, any other limits.max_bytes, white space before
/// it included; past that it is refused with input.limit naming the limit, without reading
/// further. Throws the errors of read_file.
NXKX_EXPORT std::string read_applications_file(const std::filesystem::path& file,
                                               const input_limits& limits = {});

/// read_applications_file from an open stream (standard input).
NXKX_EXPORT std::string read_applications_stream(std::FILE* stream,
                                                 const input_limits& limits = {});

}  // namespace nxkx
