"""End to end: the generated client walks "log in with QQ" against the fake over HTTP."""
