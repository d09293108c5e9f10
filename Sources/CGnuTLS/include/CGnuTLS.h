#ifndef C_GNUTLS_H
#define C_GNUTLS_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>

/// Frees memory that GnuTLS allocated (`gnutls_free` is a global function pointer Swift cannot call safely).
void mec_gnutls_free(void *pointer);

/// The `bits` argument that selects an elliptic curve in key generation (`GNUTLS_CURVE_TO_BITS` is a macro).
unsigned int mec_gnutls_curve_to_bits(gnutls_ecc_curve_t curve);

#endif
