#include "CGnuTLS.h"

void mec_gnutls_free(void *pointer) {
    gnutls_free(pointer);
}
