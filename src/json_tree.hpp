// Internal: the application reader's tree (json_in.cpp, pass 1) and its walk (pass 2), for a
// caller that builds the tree from something other than JSON text: the Python binding builds it
// from dicts (bindings/python/wire.cpp), so that a dict is read by the same walk as its JSON text,
// with the same errors, paths and limits, and no text in between.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"

namespace nxkx::detail {

/// One JSON value. The children of an array or object are contiguous in the tree's node array;
/// `key` is the member's key when the parent is an object. Strings and keys are views of the
/// input text, or of the storage of the tree when they were decoded or copied.
struct json_node {
  enum class kind : std::uint8_t { null, boolean, integer, number, string, array, object };
  kind k = kind::null;
  bool boolean = false;
  std::uint32_t count = 0;          // children of an array or object
  std::size_t first = 0;            // index of the first child while building
  const json_node* kids = nullptr;  // the first child, once the tree is complete
  std::int64_t integer = 0;
  double number = 0;
  std::string_view text;  // a string's value, or a decimal number as written
  std::string_view key;

  std::span<const json_node> children() const noexcept { return {kids, count}; }
};

/// Bytes that stay where they are while more are added (string_views into it stay valid).
class json_arena {
 public:
  std::string_view copy(std::string_view s) {
    if (s.size() > left_) {
      const std::size_t size = s.size() > block / 4 ? s.size() : block;
      blocks_.push_back(std::make_unique<char[]>(size));
      next_ = blocks_.back().get();
      left_ = size;
    }
    char* at = next_;
    if (!s.empty()) s.copy(at, s.size());
    next_ += s.size();
    left_ -= s.size();
    return {at, s.size()};
  }
  void clear() noexcept {
    blocks_.clear();
    next_ = nullptr;
    left_ = 0;
  }

 private:
  static constexpr std::size_t block = 16384;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

struct json_tree {
  std::vector<json_node> nodes;  // every value but the root, children of one parent together
  json_node root;
  std::string decoded;  // the text reader's strings that held escapes; reserved once
  json_arena owned;     // strings a builder copied in

  /// Points every container at its children, once `nodes` no longer moves.
  void link() noexcept {
    for (json_node& n : nodes)
      if (n.count != 0) n.kids = nodes.data() + n.first;
    if (root.count != 0) root.kids = nodes.data() + root.first;
  }
};

/// What parse_application does with the tree its tokenizer built: the root must be an
/// application object; then the walk checks every field and fills the model (input_error with
/// JSON pointers, as for a text).
application read_application_tree(const json_tree& tree, const notice& n);

/// The input.range error the tokenizer raises for an integer outside int64, `written` being its
/// digits, at the value `path`.
[[noreturn]] void integer_out_of_range(std::string path, std::string_view written);

}  // namespace nxkx::detail
