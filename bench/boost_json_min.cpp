// What basic_parser needs of Boost.JSON beyond its templates, where the DOM (boost/json/src.hpp)
// is not linked: the error category, the parser's stack and the default memory resource it
// allocates that stack from. Used by the code-size and em++ builds of bench/boost_json_size.sh.
// clang-format off
#include <boost/json/detail/config.hpp>
#include <boost/json/impl/error.ipp>
#include <boost/json/detail/impl/except.ipp>
#include <boost/json/detail/impl/stack.ipp>
#include <boost/json/detail/impl/default_resource.ipp>
// clang-format on
