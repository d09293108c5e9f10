#ifndef C_MICRO_HTTPD_H
#define C_MICRO_HTTPD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>
#include <gnutls/gnutls.h>

/// Settings for `mec_mhd_start`; the variadic `MHD_start_daemon` cannot be called from Swift.
struct mec_mhd_settings {
    unsigned int flags;
    const struct sockaddr *address;      /* may be NULL: any address, `port` */
    uint16_t port;
    unsigned int thread_pool_size;
    unsigned int connection_limit;
    unsigned int connection_timeout;     /* seconds of inactivity before a connection is closed */
    size_t connection_memory_limit;      /* bytes per connection; bounds the request header size */
    unsigned int listen_backlog;
    const char *tls_key_pem;             /* NULL for plain HTTP */
    const char *tls_cert_pem;
    const char *tls_trust_pem;           /* CA used to verify (optional) client certificates */
    const char *tls_priorities;
    MHD_AccessHandlerCallback access_handler;
    void *access_context;
    MHD_RequestCompletedCallback completed_handler;
    void *completed_context;
    MHD_NotifyConnectionCallback connection_handler;
    void *connection_context;
    void *(*uri_log_handler)(void *context, const char *uri, struct MHD_Connection *connection);
    void *uri_log_context;
    void (*error_log_handler)(void *context, const char *message);
    void *error_log_context;
};

struct MHD_Daemon *mec_mhd_start(const struct mec_mhd_settings *settings);

/// The port the daemon listens on (useful after binding port 0), or 0.
uint16_t mec_mhd_bound_port(struct MHD_Daemon *daemon);

/// The GnuTLS session of a TLS connection, or NULL.
gnutls_session_t mec_mhd_tls_session(struct MHD_Connection *connection);

/// The peer address of a connection, copied into `out`; returns its length or 0.
socklen_t mec_mhd_peer_address(struct MHD_Connection *connection, struct sockaddr_storage *out);

/// Closes an upgraded (websocket) connection.
enum MHD_Result mec_mhd_upgrade_close(struct MHD_UpgradeResponseHandle *handle);

/// Sets a per-connection inactivity timeout in seconds.
enum MHD_Result mec_mhd_set_connection_timeout(struct MHD_Connection *connection, unsigned int seconds);

/// The per-connection context pointer set by the connection notification callback, or NULL.
void *mec_mhd_socket_context(struct MHD_Connection *connection);

#endif
