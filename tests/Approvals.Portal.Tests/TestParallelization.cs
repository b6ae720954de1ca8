// Each journey runs a whole app and a Chromium; three at once beside the other test projects overload two cores
// (a CI run timed out waiting 20 s for a page), so the browser journeys run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
