// Every test class starts real processes (Azurite) and a silo with TCP ports: one at a time on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
