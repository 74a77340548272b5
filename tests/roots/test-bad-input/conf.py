extensions = ["myst_parser", "recipes"]
myst_enable_extensions = ["colon_fence"]
language = "en"
recipes_storage_namespace = "test-handbook"
recipes_chapters = {"eka": "index"}
recipes_process_steps = {"alku": "step-alku"}
