"""Sources that are not valid UTF-8 (a page saved as Latin-1): named with file, line and
byte offset before reading, and read with the undecodable bytes shown as U+FFFD.

Without this, Sphinx's reader stops the whole build with a UnicodeDecodeError that
names neither the file nor the place.
"""

import codecs

from sphinx.application import Sphinx

from .warnings import warn

LENIENT = "recipes-utf-8-lenient"  # utf-8-sig, with every undecodable byte replaced


def _lenient_codec(name: str) -> codecs.CodecInfo | None:
    if name.replace("_", "-") != LENIENT:
        return None
    base = codecs.lookup("utf-8-sig")

    class IncrementalDecoder(base.incrementaldecoder):
        def __init__(self, errors: str = "strict") -> None:
            super().__init__("replace")

    return codecs.CodecInfo(
        name=LENIENT,
        encode=base.encode,
        decode=lambda data, errors="strict": base.decode(data, "replace"),
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=base.streamreader,
        streamwriter=base.streamwriter,
    )


codecs.register(_lenient_codec)  # at import, so parallel reader processes have it too


def check_encodings(app: Sphinx, env, docnames: list[str]) -> None:
    """env-before-read-docs: report each source that is not UTF-8 and let the reader
    go on with replacement characters instead of stopping the build."""
    if codecs.lookup(app.config.source_encoding).name not in ("utf-8", "utf-8-sig"):
        return
    broken = False
    for docname in docnames:
        path = env.doc2path(docname)
        data = path.read_bytes()
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            broken = True
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            warn(
                f"{env.doc2path(docname, False)} is not UTF-8: byte 0x{data[error.start]:02x} at "
                f"byte offset {error.start} (line {line}, column {column}) cannot be read; save the "
                "file as UTF-8. Until then such bytes are shown as \ufffd",
                (docname, line),
                "encoding",
            )
    if broken:
        env.settings["input_encoding"] = LENIENT


def setup(app: Sphinx) -> None:
    app.connect("env-before-read-docs", check_encodings)
