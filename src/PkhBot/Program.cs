using PkhBot.Cli;

// First, before the host's threads malloc: see NativeHeap.
PkhBot.Operations.NativeHeap.ReturnLargeBlocks();
return await CliRoot.RunAsync(args);
