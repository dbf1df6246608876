// One silo, one Azurite and one browser for the whole assembly; SwiftShader shares 2 cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
