// HTTPServer: an HTTP/1.1 server on non-blocking POSIX sockets and Dispatch. Knows nothing of Musrenbang.
