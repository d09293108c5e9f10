#ifndef C_SYSTEM_H
#define C_SYSTEM_H

/// 1 when the kernel reports the system clock synchronized to a time source, 0 when not, -1 on error.
int mec_clock_synchronized(void);

#endif
