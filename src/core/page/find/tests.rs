//! The finder on small trees written here (the command line's tests run it on whole pages).

use super::*;

/// A tree of nodes in an arena: elements with attributes, and text.
#[derive(Default)]
struct Arena {
    nodes: Vec<Node>,
}

struct Node {
    tag: Option<String>,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<usize>,
    next: Option<usize>,
}

/// What a test page is made of.
enum N {
    /// `E("div#content.a.b", children)`: a tag, an optional id and classes.
    E(&'static str, Vec<N>),
    T(&'static str),
}
use N::{E, T};

impl Arena {
    fn add(&mut self, n: &N) -> usize {
        let k = self.nodes.len();
        match n {
            T(s) => {
                self.nodes.push(Node { tag: None, attrs: vec![], text: s.to_string(), children: vec![], next: None })
            }
            E(spec, kids) => {
                let (head, classes) =
                    spec.split_once('.').map_or((*spec, None), |(h, c)| (h, Some(c.replace('.', " "))));
                let (tag, id) = head.split_once('#').map_or((head, None), |(t, i)| (t, Some(i)));
                let mut attrs = Vec::new();
                if let Some(id) = id {
                    attrs.push(("id".to_string(), id.to_string()));
                }
                if let Some(c) = classes {
                    attrs.push(("class".to_string(), c));
                }
                self.nodes.push(Node {
                    tag: Some(tag.to_string()),
                    attrs,
                    text: String::new(),
                    children: vec![],
                    next: None,
                });
                let mut last: Option<usize> = None;
                for kid in kids {
                    let c = self.add(kid);
                    if let Some(l) = last {
                        self.nodes[l].next = Some(c);
                    }
                    self.nodes[k].children.push(c);
                    last = Some(c);
                }
            }
        }
        k
    }
}

impl Tree for Arena {
    type Node = usize;
    fn first_child(&self, n: &usize) -> Option<usize> {
        self.nodes[*n].children.first().copied()
    }
    fn next_sibling(&self, n: &usize) -> Option<usize> {
        self.nodes[*n].next
    }
    fn visit(&self, n: &usize) -> Visit {
        match &self.nodes[*n].tag {
            Some(t) => Visit::Element(t.clone(), false),
            None => Visit::Text(self.nodes[*n].text.clone()),
        }
    }
    fn attribute(&self, n: &usize, name: &str) -> Option<String> {
        self.nodes[*n].attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
}

/// The page's body built, and how the finder names what it chose (`-` for nothing).
fn chosen(body: N) -> String {
    let mut a = Arena::default();
    let root = a.add(&body);
    find_article(&a, &root).map_or("-".to_string(), |f| describe(&a, &f.node))
}

fn p(s: &'static str) -> N {
    E("p", vec![T(s)])
}

fn links(n: usize) -> Vec<N> {
    const NAMES: [&str; 6] = ["首页", "政务公开", "政策文件", "办事服务", "互动交流", "走进本市"];
    (0..n).map(|k| E("li", vec![E("a", vec![T(NAMES[k % NAMES.len()])])])).collect()
}

/// A site's frame around `article`: a header with the site's name, a navigation bar, a
/// breadcrumb, the title and a date line, `article`, previous/next links, and a long footer
/// with addresses and 备案号.
fn page(article: N) -> N {
    E(
        "body",
        vec![
            E("div.top-header", vec![E("div.logo", vec![T("某某市科学技术局")])]),
            E("div.nav", vec![E("ul", links(12))]),
            E(
                "div.main",
                vec![
                    E(
                        "div.position",
                        vec![T("当前位置："), E("a", vec![T("首页")]), T(" > "), E("a", vec![T("建议提案")])],
                    ),
                    E("h1", vec![T("关于加快科技成果转化的提案的答复")]),
                    E("div.info", vec![T("发布时间：2024-06-18  来源：市科技局  浏览次数：128")]),
                    article,
                    E(
                        "div.pre-next",
                        vec![E("p", vec![T("上一篇："), E("a", vec![T("关于支持企业研发投入的建议的答复")])])],
                    ),
                ],
            ),
            E(
                "div.footer",
                vec![
                    E("div.links", vec![E("ul", links(18))]),
                    p("主办单位：某某市科学技术局，承办单位：某某市科技信息中心，联系电话：0123-45678901。"),
                    p("地址：某某市某某区人民大道一百二十八号市民中心北楼十二层，邮编：450000。"),
                    p("网站标识码：1234000012，某ICP备12345678号-1，某公网安备12345678901234号。"),
                    p("建议使用1366×768分辨率、IE10以上版本浏览器浏览本网站，以获得更好的浏览体验。"),
                ],
            ),
        ],
    )
}

fn short_article() -> N {
    E(
        "div#content.detil-new-cont",
        vec![
            p("王委员：您提出的关于加快科技成果转化的提案收悉，现答复如下。"),
            p("今年以来，我局新建中试平台5个，支持企业研发项目37项，投入资金1.2亿元。"),
            p("下一步，我局将继续完善成果转化机制。感谢您对科技工作的关心和支持。"),
        ],
    )
}

#[test]
fn a_short_article_in_an_unknown_container_wins_over_a_long_footer_and_the_navigation() {
    assert_eq!(chosen(page(short_article())), "div#content.detil-new-cont");
}

#[test]
fn a_wrapper_around_the_article_loses_to_the_article_itself() {
    // div.main holds the title, the date line and the previous/next links as well; a plain
    // wrapper with the same text is left for the element inside it.
    let wrapped = E("div.wrap", vec![E("div.con", vec![short_article()])]);
    assert_eq!(chosen(page(wrapped)), "div#content.detil-new-cont");
}

#[test]
fn paragraphs_as_text_and_br_in_a_div_are_prose_too() {
    let article = E(
        "div.zw",
        vec![
            T("各有关单位："),
            E("br", vec![]),
            T("为进一步做好科技型企业培育工作，经研究，现将有关事项通知如下。"),
            E("br", vec![]),
            T("一、申报范围。本市注册的科技型中小企业，研发投入占比不低于5%。"),
        ],
    );
    assert_eq!(chosen(page(article)), "div.zw");
}

#[test]
fn the_text_split_over_several_blocks_is_found_as_their_container() {
    // UEditor-style sections: each part in its own div, none holding most of the text alone.
    let article = E(
        "div.article",
        vec![
            E("div.part", vec![p("一、总体情况。全市新增高新技术企业312家，增长18%。")]),
            E("div.part", vec![p("二、主要做法。设立成果转化基金，规模达到20亿元，支持项目46个。")]),
            E("div.part", vec![p("三、下一步打算。持续优化创新生态，力争明年再增100家。")]),
        ],
    );
    assert_eq!(chosen(page(article)), "div.article");
}

#[test]
fn chrome_is_never_chosen_even_when_it_holds_the_most_prose() {
    // A footer of long sentences (a disclaimer) outweighs a short article, but is the footer.
    let footer_prose = E(
        "footer",
        vec![
            p("本网站所载内容均来源于各部门报送，如有疑问，请与相关部门联系，我们将及时处理并答复。"),
            p("本网站不对任何单位和个人因使用本网站信息而造成的损失承担责任，请读者自行核实后使用。"),
            p("欢迎社会各界通过留言板对本网站的建设提出意见和建议，我们将认真研究，不断改进工作。"),
        ],
    );
    let body = E("body", vec![E("div.nav", vec![E("ul", links(6))]), short_article(), footer_prose]);
    assert_eq!(chosen(body), "div#content.detil-new-cont");
}

#[test]
fn a_list_of_links_with_sentence_titles_is_not_an_article() {
    let list = E(
        "div.list",
        (0..8)
            .map(|_| {
                E("p", vec![E("a", vec![T("关于加快科技成果转化的提案的答复。关于支持企业研发投入的建议的答复。")])])
            })
            .collect(),
    );
    assert_eq!(chosen(E("body", vec![list, E("div.box", vec![p("本栏目暂无更多内容。")])])), "-");
}

#[test]
fn a_page_without_prose_has_no_article() {
    // A column's index page: navigation, a list of titles, a footer.
    let body = E(
        "body",
        vec![
            E("div.nav", vec![E("ul", links(8))]),
            E("div.list", vec![E("ul", links(20))]),
            E("div.footer", vec![p("地址：某某市人民大道1号，邮编：450000。"), p("某ICP备12345678号")]),
        ],
    );
    assert_eq!(chosen(body), "-");
}

#[test]
fn hidden_blocks_are_not_read() {
    let mut a = Arena::default();
    let body = a.add(&E("body", vec![short_article()]));
    a.nodes[1].attrs.push(("style".to_string(), "DISPLAY: none".to_string()));
    assert_eq!(find_article(&a, &body), None);
}

#[test]
fn the_page_body_itself_is_the_article_when_its_paragraphs_stand_in_it() {
    let body = E(
        "body",
        vec![
            p("您提出的关于加快科技成果转化的提案收悉，现答复如下。"),
            p("今年以来，我局新建中试平台5个，投入资金1.2亿元。"),
        ],
    );
    assert_eq!(chosen(body), "body");
}

#[test]
fn chrome_is_told_by_tag_and_by_the_words_of_id_and_class() {
    // tag, id, class, what the element is.
    type Case = (&'static str, Option<&'static str>, Option<&'static str>, Option<Chrome>);
    let cases: &[Case] = &[
        ("nav", None, None, Some(Chrome::Tag)),
        ("div", Some("footer"), None, Some(Chrome::Name)),
        ("div", None, Some("g-foot clearfix"), Some(Chrome::Name)),
        ("div", None, Some("mainNav"), None),
        ("div", None, Some("main-nav"), Some(Chrome::Name)),
        ("div", None, Some("site_bottom"), Some(Chrome::Name)),
        ("div", Some("content"), Some("detil-new-cont"), None),
        ("div", None, Some("article-content"), None),
    ];
    for &(tag, id, class, want) in cases {
        assert_eq!(chrome(tag, id, class), want, "{tag} {id:?} {class:?}");
    }
}

#[test]
fn an_element_is_described_as_a_selector() {
    let mut a = Arena::default();
    let n = a.add(&E("div#content.detil-new-cont.clearfix", vec![]));
    assert_eq!(describe(&a, &n), "div#content.detil-new-cont.clearfix");
    let n = a.add(&E("td", vec![]));
    assert_eq!(describe(&a, &n), "td");
}

#[test]
fn a_deep_page_does_not_overflow_the_stack() {
    let mut a = Arena::default();
    let root = a.add(&E("body", vec![]));
    let mut parent = root;
    for _ in 0..100_000 {
        let k = a.nodes.len();
        a.nodes.push(Node {
            tag: Some("div".into()),
            attrs: vec![],
            text: String::new(),
            children: vec![],
            next: None,
        });
        a.nodes[parent].children.push(k);
        parent = k;
    }
    let k = a.nodes.len();
    a.nodes.push(Node {
        tag: None,
        attrs: vec![],
        text: "今年以来，我局新建中试平台5个，投入资金1.2亿元。".into(),
        children: vec![],
        next: None,
    });
    a.nodes[parent].children.push(k);
    let found = find_article(&a, &root).expect("found");
    assert_eq!(found.node, parent, "the innermost of equal blocks");
}
