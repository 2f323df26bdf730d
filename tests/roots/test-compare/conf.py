extensions = ["sphinxext_httpstatus"]
project = "Compare"
latex_documents = [("index", "compare.tex", "Compare", "Tests", "howto")]
man_pages = [("index", "compare", "Compare", ["Tests"], 1)]
texinfo_documents = [("index", "compare", "Compare", "Tests", "compare", "Tests", "Misc")]
