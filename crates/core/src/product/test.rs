//! testingRTC tests and upRTC monitors: the end-of-run webhook of the test configuration page.

use super::{Declaration, Fact, Outcome, OutcomeDeclaration, Product, Sample};

pub(super) const TEST: Declaration = Declaration {
    product: Product::Test,
    id: "test",
    name: "testingRTC and upRTC",
    data: "testRTC's run data",
    outcomes: &[
        OutcomeDeclaration {
            outcome: Outcome::Success,
            tab: "Success",
            sample: Sample::Variables {
                status: "completed",
            },
        },
        OutcomeDeclaration {
            outcome: Outcome::Warnings,
            tab: "Warnings",
            sample: Sample::Variables { status: "warnings" },
        },
        OutcomeDeclaration {
            outcome: Outcome::Failure,
            tab: "Failure",
            sample: Sample::Variables { status: "failure" },
        },
    ],
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
