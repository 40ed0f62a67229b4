from __future__ import annotations

import codecs
import os
from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest.reader import ReadError, discover, headline, html_article, normalise_text, read_file, title_for

ARTICLE = "Forces agree alliance\n\nKent Police and Essex Police will share their custody suites."


class TestNormaliseText:
    def test_line_endings_and_space_runs(self):
        assert normalise_text("A  police\tforce.\r\n\r\n\r\n\r\nSecond\u00a0line.  ") == "A police force.\n\nSecond line."

    def test_quotes_and_dashes_kept(self):
        text = "He said: “It’s a ‘strategic alliance’ – not a merger.”"
        assert normalise_text(text) == text

    def test_bom_dropped(self):
        assert normalise_text("\ufeffKent Police") == "Kent Police"

    @pytest.mark.parametrize(
        "noise",
        ["Read more: Forces merge control rooms", "Most Read", "Image caption: The suite",
         "Image copyright PA", "By Jane Smith, Crime Reporter", "Share this article", "Published: 3 March 2015",
         "By a Home Affairs Correspondent", "By Paul Harrison | 27 September 2019, 06:00", "Picture: Archant",
         "27 January 2026", "Thursday 4 May 2023", "3 April 2012 Last updated at 11:02", "Friday 4 September 2020, 3:12pm",
         "Monday 26 March 2018 | 3 min read", "Posted in Policing | 3 comments",
         "We've updated our Privacy and Cookies Policy", "BBC Home > BBC News > England", "More to explore",
         "Content is not available", "Related Internet Links", "Related BBC sites", "• Published",
         "The BBC is not responsible for the content of external sites.", "21 July 09 12:49 GMT",
         "Page last updated at 12:49 GMT, Tuesday, 21 July 2009",
         "We use cookies to give you the best experience. By continuing you agree to our cookie policy.",
         "Our latest news, straight to your inbox.", "Comments closed", "Close", "Cookie policy",
         "Original source – Police Oracle", "Hide Ad", "Follow @newsdesk", "Bookmark the permalink.",
         "Back to all Motions", "From the BBC", "One Response to Forces launch crime unit",
         "Sign up to our weekly round-up of HR news and guidance",
         "Receive the Personnel Today Direct e-newsletter every Wednesday", "Home / News / Forces share custody",
         "DB News: 20/09/2016 - 10:35", "19/10/2011 06:53 BST | Updated 18/12/2011 05:12 GMT", "date 2016-09-19",
         "Calendar An icon of a desk calendar. Cancel An icon of a circle with a diagonal line across."],
    )
    def test_furniture_lines_dropped(self, noise):
        assert normalise_text(f"Kent Police will share custody.\n\n{noise}\n\nIt starts in May.") == (
            "Kent Police will share custody.\n\nIt starts in May."
        )

    @pytest.mark.parametrize(
        "line",
        [
            "By working together the forces hope to save £2m, the commissioner said.",
            "By the end of March, the forces will share custody.",
            "By the end of the year staff will be cut.",
            "4 May 2023 was the day the forces merged.",
            "Published figures show a fall in burglary.",
            "Features of the new unit include a joint control room.",
            "Kent > Essex in size, he said.",
            "Home Office ministers will decide.",
            "Back to the drawing board, the chief constable said of the merger.",
        ],
    )
    def test_prose_that_starts_like_furniture_is_kept(self, line):
        assert normalise_text(line) == line


class TestHeadline:
    def test_short_first_line_without_full_stop(self):
        assert headline("Forces to share custody suites\n\nThree forces said today...") == (
            "Forces to share custody suites"
        )

    def test_lede_sentence_is_not_a_headline(self):
        assert headline("Three forces will share custody.\n\nMore text.") is None

    def test_markdown_heading(self):
        assert headline("# Forces join up\n\nText.") == "Forces join up"

    def test_title_falls_back_to_first_line(self):
        assert title_for("Three forces will share custody.\n\nMore.") == "Three forces will share custody."


class TestReadFile:
    def test_text_file(self, write):
        article = read_file(write("a.txt", "Headline here\n\nKent Police said so."))
        assert article.title == "Headline here"
        assert article.text == "Headline here\n\nKent Police said so."
        assert len(article.sha256) == 64

    def test_html_main_text_title_and_date(self, write):
        html = (
            "<html><head><title>Forces agree alliance</title>"
            '<meta property="article:published_time" content="2015-06-02T10:00:00Z"></head>'
            "<body><nav><a href='/'>Home</a></nav><article><h1>Forces agree alliance</h1>"
            "<p>Dorset Police and Devon and Cornwall Police have agreed a strategic alliance.</p>"
            "<p>The two forces expect to save millions of pounds over the coming years.</p></article>"
            "<footer>Copyright 2015</footer></body></html>"
        )
        article = read_file(write("page.html", html))
        assert article.title == "Forces agree alliance"
        assert str(article.published) == "2015-06-02"
        assert "strategic alliance" in article.text
        assert "<p>" not in article.text

    @pytest.mark.parametrize(
        ("content", "problem"),
        [
            (b"", "empty file"),
            (b"  \n\n ", "empty file"),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
            ("Caf\u00e9 police".encode("latin-1"), "not valid UTF-8"),
        ],
    )
    def test_bad_input_names_file_and_problem(self, write, content, problem):
        path = write("bad.txt", content)
        with pytest.raises(ReadError) as info:
            read_file(path)
        assert str(path) in str(info.value)
        assert problem in str(info.value)

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
    def test_text_with_a_byte_order_mark_is_decoded(self, write, encoding):
        mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
                "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}[encoding]
        article = read_file(write("unicode.txt", mark + ARTICLE.replace("\n", "\r\n").encode(encoding)))
        assert article.text == ARTICLE
        assert article.title == "Forces agree alliance"

    def test_bad_bytes_after_a_byte_order_mark(self, write):
        path = write("bad.txt", codecs.BOM_UTF16_LE + "Kent Police".encode("utf-16-le") + b"\x00\xdc")
        with pytest.raises(ReadError, match=r"bad\.txt: not valid UTF-16 after its byte-order mark"):
            read_file(path)

    @pytest.mark.parametrize(
        ("content"),
        [
            # NUL bytes past the first 8 KB: the binary test does not look that far
            ("x" * 9000 + "\n\n" + ARTICLE.replace("Kent", "Ke\x00nt\x00")).encode(),
            codecs.BOM_UTF16_LE + ("\x00" + ARTICLE.replace("Kent", "Ke\x00nt")).encode("utf-16-le"),
        ],
        ids=["utf-8", "utf-16"],
    )
    def test_nul_characters_are_removed(self, write, content):
        article = read_file(write("nul.txt", content))
        assert "\x00" not in article.text
        assert "Kent Police and Essex Police" in article.text
    @pytest.mark.parametrize(
        "declaration",
        [
            '<meta charset="iso-8859-1">',
            "<meta charset=latin1>",
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            '<meta content="text/html; charset=windows-1252" http-equiv="content-type">',
        ],
    )
    def test_html_in_its_declared_charset(self, write, declaration):
        html = (f"<html><head>{declaration}<title>Caf\u00e9 talks</title></head><body><article>"
                "<p>Kent Police and Essex Police will save \u00a35m a year, the caf\u00e9 owner said.</p>"
                "<p>The two forces expect to share their custody suites from next spring.</p></article></body></html>")
        article = read_file(write("page.html", html.encode("latin-1")))
        assert "save \u00a35m a year, the caf\u00e9 owner" in article.text
        assert article.title == "Caf\u00e9 talks"

    @pytest.mark.parametrize(
        ("declaration", "problem"),
        [
            ("", "not valid UTF-8 (byte 0xa3"),
            ('<meta charset="utf-8">', "not valid UTF-8, the charset it declares (byte 0xa3"),
            ('<meta charset="euc-jp">', "not valid euc_jp, the charset it declares (byte 0xa3"),
            ('<meta charset="klingon-8">', "not valid UTF-8 (byte 0xa3"),  # an unknown label: no declaration
        ],
    )
    def test_html_not_in_its_declared_charset(self, write, declaration, problem):
        html = f"<html><head>{declaration}</head><body><p>Forces save \u00a35m.</p></body></html>"
        path = write("page.html", html.encode("latin-1"))
        with pytest.raises(ReadError) as info:
            read_file(path)
        assert str(path) in str(info.value) and problem in str(info.value)

    def test_a_charset_in_a_text_file_is_just_text(self, write):
        path = write("a.txt", '<meta charset="iso-8859-1">\n\nForces save \u00a35m.'.encode("latin-1"))
        with pytest.raises(ReadError, match="not valid UTF-8"):
            read_file(path)

    def test_missing_file(self, tmp_path: Path):
        with pytest.raises(ReadError, match="no such file"):
            read_file(tmp_path / "nope.txt")

    def test_broken_symlink(self, tmp_path: Path):
        link = tmp_path / "link.txt"
        link.symlink_to(tmp_path / "gone.txt")
        with pytest.raises(ReadError, match="broken symbolic link"):
            read_file(link)


class TestDiscover:
    def test_folders_recursively_sorted_skipping_readme_hidden_and_other_files(self, write, tmp_path: Path):
        write("b.txt", "x")
        write("sub/a.md", "x")
        write("sub/page.html", "<p>x</p>")
        write("README.md", "docs")
        write(".hidden.txt", "x")
        write("gold.json", "{}")
        found = [p.relative_to(tmp_path / "articles").as_posix() for p in discover([tmp_path / "articles"])]
        assert found == ["b.txt", "sub/a.md", "sub/page.html"]

    def test_missing_path_is_an_error_item(self, tmp_path: Path):
        (item,) = discover([tmp_path / "missing"])
        assert isinstance(item, ReadError)

    @pytest.fixture
    def tree(self, write, tmp_path: Path) -> Path:
        write("a.txt", "x")
        write("locked/b.txt", "x")
        write("locked/inner/c.txt", "x")
        write("z.txt", "x")
        return tmp_path / "articles"

    @staticmethod
    def listed(found: list) -> list[str]:
        return [item.problem.split(" (")[0] if isinstance(item, ReadError) else item.name for item in found]

    def test_a_folder_that_cannot_be_listed_is_one_error_and_the_rest_is_read(self, tree, monkeypatch):
        locked, real_scandir = tree / "locked", os.scandir

        def scandir(path=".", *args):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path, *args)

        monkeypatch.setattr(os, "scandir", scandir)
        found = list(discover([tree]))
        assert self.listed(found) == ["a.txt", "folder cannot be read", "z.txt"]
        assert str(found[1]) == f"{locked}: folder cannot be read (Permission denied); the files in it were not ingested"

    def test_a_folder_that_cannot_be_entered_is_one_error_and_the_rest_is_read(self, tree, monkeypatch):
        """No execute permission: the folder lists its names, but nothing in it can be looked at."""
        inside, real_stat, real_lstat = f"{tree / 'locked'}{os.sep}", os.stat, os.lstat

        def guarded(real):
            def stat(path, *args, **kwargs):
                if os.fspath(path).startswith(inside):
                    raise PermissionError(13, "Permission denied", os.fspath(path))
                return real(path, *args, **kwargs)
            return stat

        monkeypatch.setattr(os, "stat", guarded(real_stat))
        monkeypatch.setattr(os, "lstat", guarded(real_lstat))
        found = list(discover([tree]))
        assert self.listed(found) == ["a.txt", "folder cannot be read", "z.txt"]
        assert found[1].source == str(tree / "locked")

    def test_a_named_path_inside_a_folder_that_cannot_be_entered(self, tmp_path: Path, monkeypatch):
        target, real_stat = tmp_path / "locked" / "a.txt", os.stat

        def stat(path, *args, **kwargs):
            if Path(path) == target:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "stat", stat)
        (item,) = discover([target])
        assert str(item) == f"{target}: cannot be read (Permission denied)"

    @pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")
    @pytest.mark.parametrize("mode", [0o000, 0o600], ids=["no-permission", "no-execute"])
    def test_real_folder_permissions(self, tree, mode):
        locked = tree / "locked"
        locked.chmod(mode)
        try:
            found = list(discover([tree]))
        finally:
            locked.chmod(0o755)
        assert self.listed(found) == ["a.txt", "folder cannot be read", "z.txt"]
        assert found[1].source == str(locked)

class TestHtmlArticle:
    BODY = ("<h1>Forces merge control rooms</h1><p>The force was formed in 1995, and its building opened on "
            "12 March 2009.</p><p>Kent Police and Essex Police said the joint control room would be reviewed in 2016.</p>")

    @pytest.mark.parametrize(
        ("meta", "given", "expected"),
        [
            ("", None, None),
            ("", date(2015, 6, 1), date(2015, 6, 1)),
            ('<meta property="article:published_time" content="2015-06-02T10:00:00Z">', None, date(2015, 6, 2)),
            ('<meta name="date" content="2015-06-02">', None, date(2015, 6, 2)),
        ],
        ids=["nothing", "feed", "opengraph", "meta-date"],
    )
    def test_no_date_is_guessed_from_years_in_the_text(self, meta, given, expected):
        html = f"<html><head><title>t</title>{meta}</head><body><article>{self.BODY}</article></body></html>"
        assert html_article("page.html", html, published=given).published == expected

    def test_a_dateline_at_the_top_is_read(self):
        html = f"<html><body><article><p>Published: 3 March 2015</p>{self.BODY}</article></body></html>"
        assert html_article("page.html", html).published == date(2015, 3, 3)
