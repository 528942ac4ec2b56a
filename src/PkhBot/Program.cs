using PkhBot.Cli;

return await CliRoot.RunAsync(args);
