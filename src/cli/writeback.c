/*
 * writeback.c - asking the system to start writing a file to disk early.
 *
 * An output written atomically is synced before it is renamed into place
 * (cli_output_close()); the sync then waits for every byte of a file of
 * hundreds of MB.  Started as the file grows, the writing overlaps the
 * work, and the sync waits for the tail only.  Linux has a call for it
 * (sync_file_range(), which needs _GNU_SOURCE: hence a file of its own);
 * elsewhere this does nothing, and the sync does all, as before.
 */
#if defined(__linux__)
#define _GNU_SOURCE 1
#include <fcntl.h>
#endif

#include "cli.h"

void
cli_start_writeback(int fd)
{
#if defined(__linux__)
    /* advice only: an error here shows again, and is reported, at the
     * sync */
    (void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
#endif
}
