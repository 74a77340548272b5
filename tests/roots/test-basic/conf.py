extensions = ["myst_parser", "recipes"]
myst_enable_extensions = ["colon_fence"]
language = "fi"
recipes_storage_namespace = "test-handbook"
recipes_chapters = {"eka": "chapter"}
recipes_process_steps = {"alku": "step-alku"}
