"""Import old news into the content folder: WordPress WXR exports and saved legacy portal pages.

Pure parsing modules (wxr, legacy, html_to_markdown, text, redirect_data, report) and one module
with the file system edge (run). `tools/import_news.py` is the command line."""
