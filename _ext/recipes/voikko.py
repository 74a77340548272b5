"""Voikko, the Finnish dictionary behind the workshop edition's hyphenation and the
search's compound parts: opened in one place, with one message when it is missing."""

INSTALL = "apt-get install -y libvoikko1 voikko-fi"


class VoikkoMissing(RuntimeError):
    """libvoikko or its Finnish dictionary is not installed."""


def open_voikko(purpose: str):
    """A Finnish ``libvoikko.Voikko``; ``purpose`` says what needs it ("Finnish hyphenation")."""
    import libvoikko

    try:
        return libvoikko.Voikko("fi")
    except OSError as error:  # the system library itself is missing
        raise VoikkoMissing(f"{purpose} needs libvoikko, which is not installed: {INSTALL}") from error
    except libvoikko.VoikkoException as error:  # the library is there, the dictionary not
        raise VoikkoMissing(f"{purpose} needs Voikko's Finnish dictionary ({error}): {INSTALL}") from error
