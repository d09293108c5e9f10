#include "CSystem.h"
#include <sys/timex.h>

int mec_clock_synchronized(void) {
    struct timex status = {0};
    int state = adjtimex(&status);
    if (state < 0) {
        return -1;
    }
    return (state != TIME_ERROR && (status.status & STA_UNSYNC) == 0) ? 1 : 0;
}
