"""newsarchive: turn a folder of news articles into an annotated, cross-linked static site."""

__version__ = "0.1.0"
