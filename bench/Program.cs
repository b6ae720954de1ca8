Console.WriteLine("usage: bench engine --backend sqlite|azurite --orchestrations N");
