"""The workbooks' and the letter's XML escaping writes what the standard library's would."""

from xml.etree import ElementTree
from xml.sax import saxutils

from hypothesis import given
from hypothesis import strategies as st

from estimator.xmltext import escape, quoteattr

TEXTS = st.text(alphabet=st.sampled_from("&<>\"'\n\r\t ;a#äß€"), max_size=30) | st.text(max_size=30)


@given(TEXTS)
def test_escape_writes_what_the_standard_library_writes(text: str) -> None:
    assert escape(text) == saxutils.escape(text)


# what XML can hold: no control character but tab and line ends, no surrogate, no non-character
IN_XML = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\t\n\r&<>\"'"), max_size=30)


@given(IN_XML)
def test_an_attribute_reads_back_as_the_text_it_was(text: str) -> None:
    element = ElementTree.fromstring(f"<a v={quoteattr(text)}/>")
    assert element.get("v") == text


def test_an_attribute_with_both_quotes_is_written_in_double_quotes() -> None:
    assert quoteattr("""d'Amico "Praxis" & Co""") == '"d\'Amico &quot;Praxis&quot; &amp; Co"'
