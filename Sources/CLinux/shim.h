#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
// Linux I/O interfaces Swift's Glibc module does not import: epoll, eventfd, sendfile.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

// accept4 is declared only under _GNU_SOURCE, which the Glibc module is not built with.
extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
#endif
