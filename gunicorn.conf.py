"""gunicorn settings read from the working directory (make serve, Docker): write visitor counts waiting in Redis
to the database when a worker stops, so a restart loses none of them."""


def worker_exit(server, worker):
    try:
        from visitors import counting

        counting.store().flush()
    except Exception as error:  # a stopping worker must stop even if the database or Redis is gone
        # One line: with Redis down every worker stops with the same error, and the outage is logged already.
        server.log.warning("Could not write waiting visitor counts: %r", error)
