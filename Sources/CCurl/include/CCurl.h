#ifndef C_CURL_H
#define C_CURL_H

#include <curl/curl.h>

/// Typed wrappers around the variadic `curl_easy_setopt` and `curl_easy_getinfo`.
CURLcode mec_curl_set_long(CURL *handle, CURLoption option, long value);
CURLcode mec_curl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode mec_curl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode mec_curl_set_write_function(CURL *handle, size_t (*function)(char *, size_t, size_t, void *));
CURLcode mec_curl_set_header_function(CURL *handle, size_t (*function)(char *, size_t, size_t, void *));
CURLcode mec_curl_set_post_fields(CURL *handle, const void *bytes, long length);
CURLcode mec_curl_get_response_code(CURL *handle, long *code);
CURLcode mec_curl_get_active_socket(CURL *handle, curl_socket_t *socket);

/// Typed wrapper around the variadic `curl_multi_setopt`.
CURLMcode mec_curl_multi_set_long(CURLM *multi, CURLMoption option, long value);

#endif
