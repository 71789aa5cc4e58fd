//! The variables testRTC documents for body templates.

/// The documented template variables, in the order of testRTC's "Variables" table.
pub const DOCUMENTED: [&str; 13] = [
    "testRunId",
    "testName",
    "projectName",
    "runName",
    "runType",
    "status",
    "error",
    "additionalInfo",
    "failureReasons",
    "failureScreenshot",
    "score",
    "resultUrl",
    "concurrentUsers",
];

/// Variables that only carry something when a run fails.
pub const FAILURE_ONLY: [&str; 3] = ["error", "failureReasons", "failureScreenshot"];

pub fn is_documented(name: &str) -> bool {
    DOCUMENTED.contains(&name)
}

/// Where `name` stands in [`DOCUMENTED`], if it is documented.
pub(crate) fn index(name: &str) -> Option<usize> {
    DOCUMENTED.iter().position(|&documented| documented == name)
}
