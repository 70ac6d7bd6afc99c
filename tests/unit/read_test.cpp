// Reading with a cap (read.hpp): every reader stops at its limit, whatever it reads — a regular
// file (refused by its size), a stream (/dev/zero, a pipe: refused as it crosses the limit) —
// and each way a file cannot be read has a code of its own. Issue 14's probes, as tests.
#include "nxkx/read.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "nxkx/error.hpp"
#include "nxkx/json.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/notice.hpp"

namespace {

namespace fs = std::filesystem;

template <class F>
nxkx::input_error error_of(F&& f) {
  try {
    f();
  } catch (const nxkx::input_error& e) {
    return e;
  }
  ADD_FAILURE() << "no input_error";
  return nxkx::input_error("none", "", "", "");
}

class Read : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nxkx-read-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

  fs::path dir_;
};

TEST_F(Read, AFileWithinItsLimitIsReadWhole) {
  const std::string text = "{\"id\": \"1\"}";
  EXPECT_EQ(nxkx::read_file(write("a.json", text)), text);
  EXPECT_EQ(nxkx::read_file(write("b.json", text), {text.size(), "max_bytes"}), text);
  EXPECT_EQ(nxkx::read_file(write("empty.json", "")), "");
}

TEST_F(Read, ALargerFileIsRefusedByItsSize) {
  const fs::path p = write("a.json", std::string(101, 'x'));
  const auto e = error_of([&] { (void)nxkx::read_file(p, {100, "max_test_bytes"}); });
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_EQ(e.path(), "");
  EXPECT_NE(e.reason().find("101 bytes, more than max_test_bytes (100)"), std::string::npos)
      << e.reason();
  EXPECT_NE(e.reason_zh().find("max_test_bytes（100）"), std::string::npos);
}

// A sparse file of 1 GiB: refused by its size, at once, without reading (or holding) it.
TEST_F(Read, AGigabyteFileIsRefusedWithoutReadingIt) {
  const fs::path p = dir_ / "big.json";
  std::ofstream(p).put('[');
  fs::resize_file(p, std::uintmax_t{1} << 30);
  nxkx::input_limits lim;
  const auto e = error_of([&] { (void)nxkx::read_applications_file(p, lim); });
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_NE(e.reason().find("max_batch_bytes (268435456)"), std::string::npos) << e.reason();
  // One application (not an array) has max_bytes.
  std::fstream(p, std::ios::in | std::ios::out | std::ios::binary).put('{');
  const auto one = error_of([&] { (void)nxkx::read_applications_file(p, lim); });
  EXPECT_NE(one.reason().find("max_bytes (16777216)"), std::string::npos) << one.reason();
}

// 1 GB of spaces (the probe): the first character never comes, so the limit of one application
// applies: refused after max_bytes + 1 bytes, not after a gigabyte.
TEST_F(Read, WhiteSpaceCountsAgainstMaxBytes) {
  nxkx::input_limits lim;
  lim.max_bytes = 1000;
  const fs::path p = write("spaces.json", std::string(5000, ' ') + "[]");
  const auto e = error_of([&] { (void)nxkx::read_applications_file(p, lim); });
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_NE(e.reason().find("max_bytes (1000)"), std::string::npos) << e.reason();
  // Within it, an array has max_batch_bytes.
  lim.max_bytes = 6000;
  lim.max_batch_bytes = 5001;
  const auto batch = error_of([&] { (void)nxkx::read_applications_file(p, lim); });
  EXPECT_NE(batch.reason().find("max_batch_bytes (5001)"), std::string::npos) << batch.reason();
  lim.max_batch_bytes = 5002;
  EXPECT_EQ(nxkx::read_applications_file(p, lim).size(), 5002u);
}

TEST_F(Read, DevZeroEndsAtTheLimit) {
  for (const char* dev : {"/dev/zero"}) {
    SCOPED_TRACE(dev);
    const auto e = error_of([&] { (void)nxkx::read_file(dev, {1 << 20, "max_bytes"}); });
    EXPECT_EQ(e.code(), "input.limit");
    EXPECT_NE(e.reason().find("more than max_bytes (1048576)"), std::string::npos) << e.reason();
    const auto apps = error_of([&] { (void)nxkx::read_applications_file(dev, {}); });
    EXPECT_EQ(apps.code(), "input.limit");
    EXPECT_NE(apps.reason().find("max_bytes (16777216)"), std::string::npos) << apps.reason();
    std::FILE* f = std::fopen(dev, "rb");
    ASSERT_NE(f, nullptr);
    const auto s = error_of([&] { (void)nxkx::read_stream(f, {1 << 20, "max_bytes"}); });
    std::fclose(f);
    EXPECT_EQ(s.code(), "input.limit");
  }
  // The pack: notice::load (the command's --notice, the C ABI's nxkx_notice_load).
  const auto pack = error_of([] { (void)nxkx::notice::load("/dev/zero"); });
  EXPECT_EQ(pack.code(), "input.limit");
  EXPECT_NE(pack.reason().find("max_pack_bytes (16777216)"), std::string::npos) << pack.reason();
}

// A FIFO (a pipe named on the command line): read as a stream, to its end or its limit.
TEST_F(Read, AFifoIsReadAsAStream) {
  const fs::path p = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  // The reader stops and closes its end first: the writer's next write must fail, not kill.
  const auto old_pipe = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    std::FILE* f = std::fopen(p.c_str(), "wb");
    if (f == nullptr) return;
    const std::string block(1 << 16, '[');
    for (int i = 0; i < 64; ++i)  // 4 MiB, more than the limit below
      if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) break;
    std::fclose(f);  // the reader may have closed its end: the writes then fail, harmlessly
  });
  nxkx::input_limits lim;
  lim.max_batch_bytes = 1 << 20;
  const auto e = error_of([&] { (void)nxkx::read_applications_file(p, lim); });
  writer.join();
  std::signal(SIGPIPE, old_pipe);
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_NE(e.reason().find("max_batch_bytes (1048576)"), std::string::npos) << e.reason();
}

TEST_F(Read, OneCodeForEachWayAFileCannotBeRead) {
  EXPECT_EQ(error_of([&] { (void)nxkx::read_file(dir_ / "no-such.json"); }).code(),
            "input.not_found");
  const fs::path file = write("a.json", "{}");
  EXPECT_EQ(error_of([&] { (void)nxkx::read_file(file / "below"); }).code(), "input.not_found");
  EXPECT_EQ(error_of([&] { (void)nxkx::read_file(dir_); }).code(), "input.directory");
  EXPECT_EQ(error_of([&] { (void)nxkx::notice::load(dir_); }).code(), "input.directory");
  // A socket: neither a regular file nor a stream.
  const fs::path sock = dir_ / "s.sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
  EXPECT_EQ(error_of([&] { (void)nxkx::read_file(sock); }).code(), "input.not_regular");
  ::close(fd);
  // Not readable: root reads anything, so this part needs an ordinary user.
  const fs::path locked = write("locked.json", "{}");
  fs::permissions(locked, fs::perms::none);
  if (::geteuid() != 0) {
    EXPECT_EQ(error_of([&] { (void)nxkx::read_file(locked); }).code(), "input.unreadable");
  }
  // A stream that cannot be read.
  std::FILE* w = std::fopen("/dev/null", "w");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(error_of([&] { (void)nxkx::read_stream(w); }).code(), "input.unreadable");
  std::fclose(w);
}

// What a batch reader holds is the text and one element's tree: a batch of more than max_batch
// is refused as element max_batch + 1 begins, even when what follows would never end.
TEST(ReadBatch, RefusedAtTheFirstElementPastMaxBatch) {
  nxkx::input_limits lim;
  lim.max_batch = 3;
  const std::string text = "[{}, {}, {}, {\"title\": \"never closes";
  for (auto parse : {+[](std::string_view t, const nxkx::input_limits&l) {
                       (void)nxkx::parse_applications(t, nxkx::notice::builtin(), l);
                     },
                     +[](std::string_view t, const nxkx::input_limits&l) {
                       (void)nxkx::parse_each_application(t, nxkx::notice::builtin(), l);
                     }}) {
    const auto e = error_of([&] { parse(text, lim); });
    EXPECT_EQ(e.code(), "input.limit");
    EXPECT_NE(e.reason().find("max_batch (3)"), std::string::npos) << e.reason();
  }
  // for_each_application hands each element over as it is read: none is handed over here.
  std::size_t seen = 0;
  const auto e = error_of([&] {
    nxkx::for_each_application(
        text, nxkx::notice::builtin(), [&](nxkx::batch_element&&) { ++seen; }, lim);
  });
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_EQ(seen, 0u);
}

TEST(ReadBatch, MaxBatchBytesIsCheckedBeforeTheBatchIsRead) {
  nxkx::input_limits lim;
  lim.max_batch_bytes = 10;
  const auto e = error_of([&] {
    (void)nxkx::parse_each_application("[{}, {}, {}, {}]", nxkx::notice::builtin(), lim);
  });
  EXPECT_EQ(e.code(), "input.limit");
  EXPECT_NE(e.reason().find("16 bytes, more than max_batch_bytes (10)"), std::string::npos)
      << e.reason();
  EXPECT_NO_THROW(nxkx::check_input_limits("[{}, {}]", lim));
  EXPECT_EQ(error_of([&] { nxkx::check_input_limits("[{}, {}, {}, {}]", lim); }).reason(),
            e.reason());
}

}  // namespace
