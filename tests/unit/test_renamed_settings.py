"""A renamed setting keeps working for one more version, with a message naming the new name."""

from trangtin.vn_core.renamed import carry_renamed


def test_a_renamed_setting_is_carried_to_its_new_name_with_a_message():
    settings = {"OLD_LOGO": "images/logo.png", "SITENAME": "Trường"}
    messages = carry_renamed(settings, {"OLD_LOGO": ("SITE_LOGO", "0.2.0")})
    assert settings == {"SITE_LOGO": "images/logo.png", "SITENAME": "Trường"}
    assert messages == ["cài đặt OLD_LOGO đã đổi tên thành SITE_LOGO từ Trang tin 0.2.0; giá trị của OLD_LOGO vẫn được "
                        "dùng cho SITE_LOGO đến hết bản này — sửa tên trong pelicanconf.py."]


def test_settings_without_old_names_are_left_alone():
    settings = {"SITE_LOGO": "a.png"}
    assert carry_renamed(settings, {"OLD_LOGO": ("SITE_LOGO", "0.2.0")}) == []
    assert settings == {"SITE_LOGO": "a.png"}



def test_a_build_with_an_old_name_uses_its_value_and_says_so(tmp_path):
    from conftest import FIXTURES, ROOT, run_pelican  # noqa: PLC0415

    conf = tmp_path / "settings.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    "from trangtin.vn_core.renamed import RENAMED\n"
                    "RENAMED['SUBTITLE_OLD'] = ('SITESUBTITLE', '0.2.0')  # as a later version would list it\n"
                    "SUBTITLE_OLD = 'Phụ đề theo tên cũ'\n", encoding="utf-8")
    result = run_pelican(FIXTURES / "basic", tmp_path / "out", {"SEARCH_ENABLED": False}, conf=conf, fatal=None)
    assert result.returncode == 0, result.stderr
    assert "cài đặt SUBTITLE_OLD đã đổi tên thành SITESUBTITLE từ Trang tin 0.2.0" in result.stdout + result.stderr
    assert "Phụ đề theo tên cũ" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
