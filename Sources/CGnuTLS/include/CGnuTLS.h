#ifndef C_GNUTLS_H
#define C_GNUTLS_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>

/// Frees memory that GnuTLS allocated (`gnutls_free` is a global function pointer Swift cannot call safely).
void mec_gnutls_free(void *pointer);

#endif
