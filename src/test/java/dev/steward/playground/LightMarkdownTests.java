package dev.steward.playground;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LightMarkdownTests {

	@Test
	void escapesHtmlBeforeAnythingElse() {
		assertThat(LightMarkdown.html("<script>alert('x')</script> & \"quotes\""))
			.isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
	}

	@Test
	void markupInsideMarkersStaysEscaped() {
		assertThat(LightMarkdown.html("*<img src=x onerror=alert(1)>*"))
			.isEqualTo("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>");
		assertThat(LightMarkdown.html("`<b>`")).isEqualTo("<code>&lt;b&gt;</code>");
	}

	@Test
	void rendersBoldItalicCodeAndLineBreaks() {
		assertThat(LightMarkdown.html("*Budget* is _tight_: see `P-2026-0001`\nnext line"))
			.isEqualTo("<strong>Budget</strong> is <em>tight</em>: see <code>P-2026-0001</code><br>next line");
	}

	@Test
	void leavesMarkersInsideWordsAndCodeAlone() {
		assertThat(LightMarkdown.html("form_session and snake_case_name")).isEqualTo("form_session and snake_case_name");
		assertThat(LightMarkdown.html("2*3*4")).isEqualTo("2*3*4");
		assertThat(LightMarkdown.html("`*not bold*`")).isEqualTo("<code>*not bold*</code>");
		assertThat(LightMarkdown.html("a lone * star and `unclosed")).isEqualTo("a lone * star and `unclosed");
	}

	@Test
	void worksBesideChineseText() {
		assertThat(LightMarkdown.html("请*尽快*审批")).isEqualTo("请<strong>尽快</strong>审批");
	}

	@Test
	void emptyAndNullAreEmpty() {
		assertThat(LightMarkdown.html(null)).isEmpty();
		assertThat(LightMarkdown.html("")).isEmpty();
	}

}
