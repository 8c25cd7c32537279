"""Searching in a real browser: typed without marks from the header, suggestions while typing, a marked result."""


def test_search_without_marks_from_the_header_finds_the_article(phone, portal_url):
    phone.goto(portal_url + "/")
    phone.fill("#site-search-q", "dua hau")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/tim-kiem/?q=dua+hau")
    first = phone.locator(".search-result").first
    assert "dưa hấu" in first.inner_text().lower()
    assert [mark.lower() for mark in first.locator("mark").all_inner_texts()][:2] == ["dưa", "hấu"]
    first.locator("a").first.click()
    phone.wait_for_url("**/tin-tuc/nong-dan-gia-loc-phan-khoi-vi-dua-hau-duoc-mua-duoc-gia/")


def test_suggestions_fill_while_typing(desktop, portal_url):
    desktop.goto(portal_url + "/")
    desktop.locator("#site-search-q").press_sequentially("dua ha", delay=50)
    # Waits go through locators: the page's policy forbids the eval behind wait_for_function.
    desktop.locator("#search-suggestions option").first.wait_for(state="attached")
    options = desktop.eval_on_selector_all("#search-suggestions option", "nodes => nodes.map(n => n.value)")
    assert any("dưa hấu" in option for option in options)
