"""Credentials the client tests use, distinctive so a leak is easy to find."""

from __future__ import annotations

import qq_connect

APP_ID = "101777333"
TOKEN = "TOKEN-5ECRET-a1b2c3"
OPENID = "0123456789ABCDEF0123456789ABCDEF"
SECRETS = (APP_ID, TOKEN, OPENID)
FAST = qq_connect.RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.05)
