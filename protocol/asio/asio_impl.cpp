// The one translation unit that compiles Asio, Asio's TLS and Beast (separate compilation):
// every other user includes the headers with *_SEPARATE_COMPILATION and links hubgate_asio.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
