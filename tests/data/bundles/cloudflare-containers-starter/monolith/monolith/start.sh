#!/bin/sh
# Starts nginx on :80 in the background, then the app on 127.0.0.1:30001 in the foreground.
set -eu
nginx
exec 'uvicorn' 'main:app' '--host' '127.0.0.1' '--port' '30001'
