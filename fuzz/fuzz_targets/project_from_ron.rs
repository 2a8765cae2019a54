//! `.lectern` parsing on any text: an error or a project, never a panic or a stack overflow.
//! A project that loads must survive a save/load round trip unchanged.
#![no_main]

use std::path::Path;

use lectern::storage::{project_from_ron, project_to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.lectern");
    if let Ok(project) = project_from_ron(text, path) {
        let again = project_from_ron(&project_to_ron(&project), path)
            .expect("a loaded project must load again after saving");
        // NaN speaking rates are not equal to themselves; compare the text instead.
        assert_eq!(project_to_ron(&again), project_to_ron(&project));
    }
});
