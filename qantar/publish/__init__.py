"""Publishing the record: the data behind each web page and API answer, computed by the library
so the web layer only renders it."""
