/*
 * kiosk-notify: the kiosk's messages to systemd (the sd_notify protocol: READY=1, WATCHDOG=1,
 * STATUS=..., STOPPING=1). Reads lines on its standard input and sends each, as one datagram, to
 * the Unix socket named by NOTIFY_SOCKET (a path, or "@name" in the abstract namespace). Ends when
 * its input ends, that is when the kiosk that started it ends.
 *
 * Why a helper: the notification socket is a datagram socket, which Java 17 cannot open
 * (DatagramChannel has no UNIX family before Java 21's preview...); and systemd-notify, run once a
 * message, exits at once, so systemd may fail to tell which unit sent it. This process lives as
 * long as the kiosk, in the kiosk's unit, so every message is counted (NotifyAccess=all).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
    const char *name = getenv("NOTIFY_SOCKET");
    if (name == NULL || name[0] == '\0') {
        fprintf(stderr, "kiosk-notify: NOTIFY_SOCKET is not set (not started by systemd)\n");
        return 2;
    }
    struct sockaddr_un to;
    memset(&to, 0, sizeof to);
    to.sun_family = AF_UNIX;
    size_t length = strlen(name);
    if (length >= sizeof to.sun_path) {
        fprintf(stderr, "kiosk-notify: NOTIFY_SOCKET is too long\n");
        return 2;
    }
    memcpy(to.sun_path, name, length);
    socklen_t size = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + length);
    if (name[0] == '@') {
        to.sun_path[0] = '\0'; /* abstract: no terminating NUL counted */
    } else {
        size += 1;
    }
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        perror("kiosk-notify: socket");
        return 1;
    }
    char line[4096];
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
            line[--n] = '\0';
        }
        if (n == 0) {
            continue;
        }
        if (sendto(fd, line, n, MSG_NOSIGNAL, (struct sockaddr *) &to, size) < 0) {
            perror("kiosk-notify: sendto"); /* systemd away for a moment: the next line tries again */
        }
    }
    close(fd);
    return 0;
}
