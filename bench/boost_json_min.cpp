// What basic_parser needs of Boost.JSON beyond its templates, where the DOM (boost/json/src.hpp)
// is not linked: the error category and the parser's stack. Used by the code-size and em++
// builds of bench/boost_json_size.sh.
#include <boost/json/detail/config.hpp>
#include <boost/json/detail/impl/except.ipp>
#include <boost/json/detail/impl/stack.ipp>
#include <boost/json/impl/error.ipp>
