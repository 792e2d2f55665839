using Directory.Import;

return await ImportCommandLine.RunAsync(args);
