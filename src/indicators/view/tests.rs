use super::*;

#[test]
fn an_unknown_indicator_says_how_many_there_are_and_lists_them_as_buttons_the_library_reads() {
    assert_eq!(unknown("", 3), "可查看 3 个指标，请选择");
    assert_eq!(unknown("没有", 3), "答复中没有指标“没有”，可查看的指标有 3 个");
    let h = choices(&[("中试平台".to_string(), 12)]).into_string();
    // The library module's listener reads data-action="indicator" with data-key (action.rs).
    assert!(h.contains("data-action=\"indicator\" data-key=\"中试平台\""), "{h}");
    assert!(h.contains("（12 个数值）"), "{h}");
    assert_eq!(choices(&[]).into_string(), "");
}
