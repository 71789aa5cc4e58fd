//! testingRTC tests and upRTC monitors: the end-of-run webhook of the test configuration page.

use super::{Declaration, Fact, Outcome, OutcomeDeclaration, Product, Sample};

pub(super) const SUCCESS: OutcomeDeclaration = OutcomeDeclaration {
    outcome: Outcome::Success,
    tab: "Success",
    sample: Sample::Variables {
        status: "completed",
    },
};

pub(super) const WARNINGS: OutcomeDeclaration = OutcomeDeclaration {
    outcome: Outcome::Warnings,
    tab: "Warnings",
    sample: Sample::Variables { status: "warnings" },
};

pub(super) const FAILURE: OutcomeDeclaration = OutcomeDeclaration {
    outcome: Outcome::Failure,
    tab: "Failure",
    sample: Sample::Variables { status: "failure" },
};

pub(super) const TEST: Declaration = Declaration {
    product: Product::Test,
    id: "test",
    name: "testingRTC and upRTC",
    data: "testRTC's run data",
    outcomes: &[Outcome::Success, Outcome::Warnings, Outcome::Failure],
    ce_type: Fact {
        value: "testingrtc",
        documented: true,
        source: "testRTC's docs: ce-type is testingrtc for testingRTC runs.",
    },
    ce_id: Fact {
        value: "testRunId",
        documented: false,
        source: "Required by the CloudEvents spec; the run id is the natural unique id (assumed).",
    },
    templates_documented: true,
};
