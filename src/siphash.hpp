// Internal: SipHash-2-4 with a 128-bit output (Aumasson and Bernstein, "SipHash: a fast
// short-input PRF", 2012; the reference code's "siphash" with outlen 16). Used by duplicate
// detection (engine.cpp) to keep 128-bit hashes of keys instead of the keys themselves.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nxkx::detail {

using hash128 = std::array<std::uint64_t, 2>;

class siphash128 {
 public:
  /// The 16 key bytes, read as two little-endian 64-bit words.
  siphash128(std::uint64_t k0, std::uint64_t k1) noexcept : k0_(k0), k1_(k1) {}

  /// The 16 output bytes of the reference code, as two little-endian 64-bit words.
  hash128 operator()(std::string_view in) const noexcept {
    std::uint64_t v0 = 0x736f6d6570736575ULL ^ k0_;
    std::uint64_t v1 = 0x646f72616e646f6dULL ^ k1_ ^ 0xee;
    std::uint64_t v2 = 0x6c7967656e657261ULL ^ k0_;
    std::uint64_t v3 = 0x7465646279746573ULL ^ k1_;
    auto round = [&] {
      v0 += v1;
      v1 = rotl(v1, 13);
      v1 ^= v0;
      v0 = rotl(v0, 32);
      v2 += v3;
      v3 = rotl(v3, 16);
      v3 ^= v2;
      v0 += v3;
      v3 = rotl(v3, 21);
      v3 ^= v0;
      v2 += v1;
      v1 = rotl(v1, 17);
      v1 ^= v2;
      v2 = rotl(v2, 32);
    };
    auto compress = [&](std::uint64_t m) {
      v3 ^= m;
      round();
      round();
      v0 ^= m;
    };
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    const std::size_t whole = n - n % 8;
    for (std::size_t i = 0; i < whole; i += 8) compress(load64(p + i));
    std::uint64_t last = static_cast<std::uint64_t>(n & 0xff) << 56;
    for (std::size_t i = 0; i < n % 8; ++i)
      last |= static_cast<std::uint64_t>(p[whole + i]) << (8 * i);
    compress(last);
    v2 ^= 0xee;
    for (int i = 0; i < 4; ++i) round();
    hash128 out{};
    out[0] = v0 ^ v1 ^ v2 ^ v3;
    v1 ^= 0xdd;
    for (int i = 0; i < 4; ++i) round();
    out[1] = v0 ^ v1 ^ v2 ^ v3;
    return out;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int b) noexcept { return (x << b) | (x >> (64 - b)); }
  static std::uint64_t load64(const unsigned char* p) noexcept {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
  }

  std::uint64_t k0_, k1_;
};

}  // namespace nxkx::detail
