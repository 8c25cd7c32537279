"""gunicorn settings read from the working directory (make serve, Docker): write visitor counts waiting in Redis
to the database when a worker stops, so a restart loses none of them."""


def worker_exit(server, worker):
    try:
        from visitors import counting

        counting.store().flush()
    except Exception:  # a stopping worker must stop even if the database or Redis is gone
        server.log.exception("Could not write waiting visitor counts")
