extensions = ["myst_parser", "recipes"]
myst_enable_extensions = ["colon_fence", "deflist"]
language = "en"
project = "Test Cookbook"
release = "1.2.3"
html_baseurl = "https://example.org/book/en/"
recipes_storage_namespace = "test-workshop"
recipes_chapters = {"first": "chapter"}
recipes_process_steps = {"start": "step-start"}
recipes_workshop_hyphenation = "en-US"
recipes_workshop_date_format = "d MMMM y"
nitpicky = True
recipes_workshop_parts = {
    "definition": "definition",
    "layer_cake": "definition",
    "process": "chapter",
    "glossary": "glossary",
    "sources": ["people", "source"],
    "chapter_sections": ["core", "solutions"],
}
